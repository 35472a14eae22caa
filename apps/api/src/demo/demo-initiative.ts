import type { Actor } from '@accord/domain';
import { type DemoClient } from './demo-client';

/** The demo initiative's id: `initiative(id: "riverside-reading")`. */
export const DEMO_INITIATIVE_ID = 'riverside-reading';

const DAY_MS = 86_400_000;
/** The initiative's record covers the two years before the demo is loaded. */
const SPAN_DAYS = 730;

/** A small seeded generator (mulberry32), so that one seed always gives the same demo. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PARTNERS = [
  ['city-hall', 'Riverside City Hall', 'GOVERNMENT', 'ana', 'Ana Okafor'],
  ['food-bank', 'Riverside Food Bank', 'NONPROFIT', 'bo', 'Bo Lindqvist'],
  ['school-district', 'Riverside School District', 'EDUCATION', 'chen', 'Chen Wei'],
  ['library', 'Riverside Public Library', 'GOVERNMENT', 'dara', 'Dara Haddad'],
  ['literacy-now', 'Literacy Now', 'NONPROFIT', 'emeka', 'Emeka Obi'],
  ['hilltop-foundation', 'Hilltop Foundation', 'PHILANTHROPY', 'fatima', 'Fatima Zahra'],
  ['parents-council', "Riverside Parents' Council", 'COMMUNITY', 'gus', 'Gus Moreno'],
  ['techworks', 'TechWorks Ltd', 'BUSINESS', 'hana', 'Hana Sato'],
  ['health-clinic', 'Eastside Health Clinic', 'NONPROFIT', 'ivan', 'Ivan Petrov'],
  ['community-college', 'Riverside Community College', 'EDUCATION', 'jo', 'Jo Adeyemi'],
  ['youth-league', 'Riverside Youth League', 'COMMUNITY', 'kai', 'Kai Nakamura'],
  ['credit-union', 'Riverside Credit Union', 'BUSINESS', 'lena', 'Lena Novak'],
].map(([partnerId, organisationName, sector, personId, name]) => ({
  partnerId: partnerId!,
  organisationName: organisationName!,
  sector: sector!,
  person: { personId: personId!, name: name! },
}));
type Partner = (typeof PARTNERS)[number];

const EVALUATOR = { personId: 'maya', name: 'Maya Brooks', partnerId: 'hilltop-foundation' };
const STEERING = PARTNERS.slice(0, 7);
const SIGNATORIES = PARTNERS.slice(0, 6);
const REPRESENTED = PARTNERS.slice(1);

const actorOf = (partner: Partner): Actor => ({
  personId: partner.person.personId,
  partnerId: partner.partnerId,
});
const partner = (id: string) => PARTNERS.find((p) => p.partnerId === id)!;

const usd = (amount: string) => ({ amount, currency: 'USD' });
/** Each partner's share, in percent. */
const sharesOf = (percents: Record<string, number>) =>
  Object.entries(percents).map(([partnerId, percent]) => ({ partnerId, percent: String(percent) }));

const PLEDGES: [string, string, Record<string, unknown>][] = [
  ['food-bank', 'Hand out a free book with every family food parcel', { inKind: '2,400 books' }],
  ['food-bank', 'Run a reading corner at the Saturday market', { hours: 120 }],
  ['school-district', 'Screen every first-grader for reading difficulties', { hours: 300 }],
  ['school-district', 'Train forty teachers in structured literacy', { hours: 640 }],
  ['library', 'Open Saturday story hours in four branches', { hours: 400 }],
  ['library', 'Issue a library card to every kindergartner', { inKind: '1,800 cards' }],
  ['literacy-now', 'Recruit and train sixty volunteer reading tutors', { hours: 900 }],
  ['literacy-now', 'Run a six-week summer reading camp', { money: usd('45000.00') }],
  ['hilltop-foundation', 'Fund two literacy coaches for three years', { money: usd('180000.00') }],
  ['parents-council', 'Hold monthly reading nights for parents', { hours: 96 }],
  ['parents-council', 'Translate reading guides into four languages', { inKind: 'translations' }],
  ['techworks', 'Donate one hundred refurbished tablets', { inKind: '100 tablets' }],
  ['techworks', 'Build a reading-log app for families', { hours: 350 }],
  ['health-clinic', 'Add vision screening to every well-child visit', { hours: 200 }],
  ['community-college', 'Place education students as classroom reading aides', { hours: 1200 }],
  ['community-college', 'Evaluate the tutoring programme', { money: usd('20000.00') }],
  ['youth-league', 'Start a reading buddy scheme between teams', { hours: 150 }],
  ['credit-union', 'Sponsor the summer reading prizes', { money: usd('7500.00') }],
  ['credit-union', 'Pay for bus passes to library events', { money: usd('3200.00') }],
];

/** What happened to a commitment by the time the demo is loaded. */
type Fate = 'fulfilled' | 'missed' | 'withdrawn' | 'overdue' | 'onTrack';
const FATES: Fate[] = ['fulfilled', 'fulfilled', 'fulfilled', 'onTrack', 'overdue', 'missed'];

export interface DemoSummary {
  initiativeId: string;
  commands: number;
  people: number;
  partners: number;
}

/**
 * Records a realistic initiative through the public API: Riverside's partners working on
 * children's reading over two years of meetings, decisions, agreements, commitments, risks, a
 * grant and shared measurement. `now` is the moment it is recorded; every act is dated at or
 * before it, as a backbone entering its records would (business time before recorded time).
 */
export async function loadDemoInitiative(
  client: DemoClient,
  options: { now: Date; seed: number },
): Promise<DemoSummary> {
  const random = seeded(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Midnight UTC, so that a meeting "at 17:00" is at five in the afternoon, whenever it is loaded.
  const launchedAt = Math.floor(options.now.getTime() / DAY_MS) * DAY_MS - SPAN_DAYS * DAY_MS;
  const at = (day: number, hour = 10) =>
    new Date(launchedAt + day * DAY_MS + hour * 3_600_000).toISOString();
  const date = (day: number) => new Date(launchedAt + day * DAY_MS).toISOString().slice(0, 10);
  const today = Math.floor((options.now.getTime() - launchedAt) / DAY_MS);
  const initiativeId = DEMO_INITIATIVE_ID;
  const ana = actorOf(partner('city-hall'));
  const chen = actorOf(partner('school-district'));
  const run = client.run.bind(client);

  await run(ana, 'launchInitiative', {
    initiativeId,
    name: 'Reading by Nine: Riverside',
    problemStatement:
      'Only 58% of Riverside third-graders read at grade level; children who do not are four times as likely to leave school early.',
    commonAgenda:
      'Every child in Riverside reads at grade level by the end of third grade, through early screening, tutoring, books at home and summer reading.',
    governanceRules: {
      quorum: { numerator: 2, denominator: 3 },
      defaultMethod: 'SIMPLE_MAJORITY',
      supermajority: { numerator: 2, denominator: 3 },
    },
    occurredAt: at(0, 9),
  });

  for (const p of PARTNERS) {
    await run(ana, 'joinInitiative', {
      initiativeId,
      partnerId: p.partnerId,
      organisationName: p.organisationName,
      sector: p.sector,
      occurredAt: at(1),
    });
  }
  for (const person of [...PARTNERS.map((p) => p.person), EVALUATOR]) {
    await run(ana, 'registerPerson', {
      personId: person.personId,
      name: person.name,
      email: `${person.personId}@riverside.example.org`,
      initiativeId,
      occurredAt: at(60),
    });
  }

  const assign = (personId: string, partnerId: string, role: string, day: number) =>
    run(ana, 'assignRole', {
      initiativeId,
      personId,
      partnerId,
      role,
      termStart: date(day),
      occurredAt: at(day, 11),
    });
  await assign('ana', 'city-hall', 'CHAIR', 2);
  for (const p of STEERING) await assign(p.person.personId, p.partnerId, 'STEERING_MEMBER', 2);
  for (const p of SIGNATORIES) await assign(p.person.personId, p.partnerId, 'SIGNATORY', 2);
  for (const p of REPRESENTED)
    await assign(p.person.personId, p.partnerId, 'PARTNER_REPRESENTATIVE', 50);
  await assign('chen', 'school-district', 'DATA_STEWARD', 50);
  await assign(EVALUATOR.personId, EVALUATOR.partnerId, 'EVALUATOR', 90);

  // Quarterly steering meetings, each with the decision it took.
  const meetingDay = (quarter: number) => 30 + quarter * 88;
  const attendees = STEERING.map((p) => ({ personId: p.person.personId, partnerId: p.partnerId }));
  const decisions: [string, string, string][] = [
    ['adopt-charter', 'Adopt the charter', 'That the partners adopt the Reading by Nine charter.'],
    ['fund-summer-camp', 'Fund the summer reading camp', 'That the Hilltop grant funds the camp.'],
    [
      'share-attendance',
      'Share attendance data',
      'That schools share attendance with the evaluator.',
    ],
    ['saturday-hours', 'Saturday library hours', 'That all branches open on Saturday mornings.'],
    ['tablet-pilot', 'Tablet reading pilot', 'That the tablets go to two pilot schools first.'],
    ['second-coach', 'A second literacy coach', 'That a second coach is hired this year.'],
    ['parent-survey', 'Parent survey', 'That the council surveys parents on reading at home.'],
    ['renew-data-sharing', 'Renew data sharing', 'That the data-sharing agreement is renewed.'],
  ];
  for (const [quarter, [decisionId, title, motion]] of decisions.entries()) {
    const day = meetingDay(quarter);
    const meetingId = `steering-q${quarter + 1}`;
    await run(ana, 'holdMeeting', {
      initiativeId,
      meetingId,
      title: `Steering committee, quarter ${quarter + 1}`,
      heldAt: at(day, 17),
      agenda: ['Progress on commitments', title, 'Risks and measurement'],
      attendees,
      minutes: `The committee reviewed progress and discussed: ${title.toLowerCase()}.`,
      occurredAt: at(day, 19),
    });
    await run(ana, 'proposeDecision', {
      initiativeId,
      decisionId,
      meetingId,
      title,
      motion,
      rationale: 'Raised by the working group; see the minutes of the meeting.',
      occurredAt: at(day, 17),
    });
    const open = quarter === decisions.length - 1;
    const voters = decisionId === 'second-coach' ? STEERING.slice(0, 3) : STEERING;
    for (const p of voters) {
      const voter = actorOf(p);
      if (decisionId === 'fund-summer-camp' && p.partnerId === 'hilltop-foundation') {
        await run(voter, 'declareConflictOfInterest', {
          decisionId,
          reason: 'The Hilltop Foundation is the funder of the grant.',
          occurredAt: at(day, 18),
        });
        continue;
      }
      if (open && p.partnerId === 'parents-council') continue;
      const against = decisionId === 'saturday-hours' ? random() < 0.7 : !open && random() < 0.15;
      const changes = decisionId === 'share-attendance' && p.partnerId === 'parents-council';
      await run(voter, 'castVote', {
        decisionId,
        choice: against || changes ? 'AGAINST' : pick(['FOR', 'FOR', 'FOR', 'ABSTAIN']),
        reason: against || changes ? 'Not convinced it is the best use of our time.' : 'Agreed.',
        occurredAt: at(day, 18),
      });
      if (changes) {
        await run(voter, 'changeVote', {
          decisionId,
          choice: 'FOR',
          reason: 'The privacy safeguards answered our concern.',
          occurredAt: at(day, 18.5),
        });
      }
    }
    if (!open) await run(ana, 'closeDecision', { decisionId, occurredAt: at(day, 19) });
  }

  // The charter, amended once and signed by every party; the data-sharing agreement pending.
  const charterParties = SIGNATORIES.map((p) => p.partnerId);
  await run(ana, 'draftAgreement', {
    initiativeId,
    agreementId: 'charter',
    kind: 'CHARTER',
    title: 'Reading by Nine charter',
    text: 'The partners share one goal: every child reads at grade level by the end of third grade.',
    parties: charterParties,
    occurredAt: at(20),
  });
  await run(ana, 'amendAgreement', {
    agreementId: 'charter',
    text: 'The partners share one goal: every child in Riverside reads at grade level by the end of third grade. They meet quarterly and share their data.',
    reason: 'Adds the quarterly meetings and data sharing agreed at the first meeting.',
    occurredAt: at(25),
  });
  const sign = (agreementId: string, version: number, partnerId: string, day: number) =>
    run(actorOf(partner(partnerId)), 'signAgreement', {
      agreementId,
      partnerId,
      version,
      occurredAt: at(day),
    });
  for (const [index, p] of SIGNATORIES.entries()) await sign('charter', 2, p.partnerId, 31 + index);
  await run(ana, 'draftAgreement', {
    initiativeId,
    agreementId: 'data-sharing',
    kind: 'DATA_SHARING',
    title: 'Attendance and reading-level data sharing',
    text: 'The school district shares anonymised attendance and reading levels each term with the evaluator and Literacy Now.',
    parties: ['school-district', 'literacy-now', 'city-hall'],
    sharesConfidentialWith: ['EVALUATOR', 'DATA_STEWARD'],
    occurredAt: at(meetingDay(2) + 2),
  });
  for (const id of ['school-district', 'literacy-now'])
    await sign('data-sharing', 1, id, meetingDay(2) + 5);

  // Commitments, each on its own path to where it stands today.
  for (const [index, [partnerId, description, pledged]] of PLEDGES.entries()) {
    const representative = actorOf(partner(partnerId));
    const commitmentId = `pledge-${index + 1}`;
    const made = 60 + Math.floor(random() * 400);
    const fate: Fate = index === 7 ? 'withdrawn' : pick(FATES);
    const due =
      fate === 'onTrack'
        ? today + 30 + Math.floor(random() * 200)
        : made + 60 + Math.floor(random() * Math.max(1, today - made - 90));
    await run(representative, 'makeCommitment', {
      initiativeId,
      commitmentId,
      partnerId,
      description,
      dueDate: date(due),
      resources: pledged,
      occurredAt: at(made),
    });
    const steering = STEERING.filter((p) => p.partnerId !== partnerId);
    await run(actorOf(pick(steering)), 'acceptCommitment', {
      commitmentId,
      occurredAt: at(made + 7),
    });
    const lastReport = Math.min(due, today) - 5;
    const reports = 1 + Math.floor(random() * 3);
    for (let n = 1; n <= reports; n++) {
      const day = made + Math.floor(((lastReport - made) * n) / (reports + 1));
      if (day <= made + 7) continue;
      await run(representative, 'reportProgress', {
        commitmentId,
        percent: Math.min(95, Math.round((100 * n) / (reports + 1))),
        note: `Update ${n}: on plan; evidence filed with the backbone.`,
        occurredAt: at(day),
      });
    }
    if (fate === 'fulfilled') {
      await run(representative, 'fulfilCommitment', {
        commitmentId,
        note: 'Done; the report and photos are with the backbone.',
        occurredAt: at(due - 2),
      });
    } else if (fate === 'missed') {
      await run(ana, 'missCommitment', {
        commitmentId,
        reason: 'Not delivered by the due date; the partner lost its coordinator.',
        occurredAt: at(Math.min(due + 10, today)),
      });
    } else if (fate === 'withdrawn') {
      await run(representative, 'withdrawCommitment', {
        commitmentId,
        reason: 'The camp is funded by the Hilltop grant instead.',
        occurredAt: at(made + 20),
      });
    }
  }

  // The risk register.
  const risks: [string, string, string, string, number, number][] = [
    ['volunteer-drop', 'Volunteer tutors drop out', 'OPERATIONAL', 'literacy-now', 4, 4],
    ['data-breach', 'Pupil data is exposed', 'DATA', 'school-district', 2, 5],
    ['grant-ends', 'The grant ends before results show', 'FINANCIAL', 'hilltop-foundation', 3, 4],
    ['low-turnout', 'Families do not come to reading nights', 'COMMUNITY', 'parents-council', 3, 3],
  ];
  for (const [index, [riskId, title, category, owner, likelihood, impact]] of risks.entries()) {
    const day = 70 + index * 40;
    await run(ana, 'identifyRisk', {
      initiativeId,
      riskId,
      title,
      description: `${title}, which would set back the common agenda.`,
      category,
      ownerPartnerId: owner,
      likelihood,
      impact,
      occurredAt: at(day),
    });
    await run(ana, 'reassessRisk', {
      riskId,
      likelihood: Math.max(1, likelihood - 1),
      impact,
      reason: 'Mitigation under way; reassessed at the quarterly review.',
      occurredAt: at(day + 120),
    });
  }
  await run(ana, 'shareRiskOwnership', {
    riskId: 'grant-ends',
    shares: sharesOf({ 'hilltop-foundation': 50, 'city-hall': 30, 'credit-union': 20 }),
    occurredAt: at(200),
  });
  await run(ana, 'planMitigation', {
    riskId: 'volunteer-drop',
    description: 'Pair each new tutor with an experienced one and thank them publicly.',
    commitmentIds: ['pledge-7'],
    occurredAt: at(90),
  });
  await run(ana, 'materialiseRisk', {
    riskId: 'low-turnout',
    description: 'Only a dozen families came to the autumn reading nights.',
    occurredAt: at(260),
  });
  await run(ana, 'closeRisk', {
    riskId: 'data-breach',
    reason: 'The data-sharing agreement and anonymisation settle it.',
    occurredAt: at(400),
  });

  // The Hilltop grant, allocated and partly paid out.
  await run(ana, 'defineBenefitPool', {
    initiativeId,
    poolId: 'hilltop-grant',
    name: 'Hilltop literacy grant',
    kind: 'FUNDING',
    description: 'Three-year grant for tutoring, coaches and summer reading.',
    amount: usd('250000.00'),
    occurredAt: at(45),
  });
  await run(ana, 'allocateBenefitShares', {
    poolId: 'hilltop-grant',
    shares: sharesOf({ 'literacy-now': 40, 'school-district': 35, library: 25 }),
    occurredAt: at(50),
  });
  await run(ana, 'recordDistribution', {
    poolId: 'hilltop-grant',
    note: 'First-year payments.',
    amounts: [
      { partnerId: 'literacy-now', amount: usd('33000.00') },
      { partnerId: 'school-district', amount: usd('28875.00') },
      { partnerId: 'library', amount: usd('20625.00') },
    ],
    occurredAt: at(380),
  });

  // Shared measurement: two indicators, measured each term, one figure corrected.
  const indicators: [string, string, string, string, number, number][] = [
    ['reading-at-grade', 'Third-graders reading at grade level', '%', 'UP', 58, 80],
    ['chronic-absence', 'Pupils chronically absent', '%', 'DOWN', 17, 10],
  ];
  for (const [indicatorId, name, unit, direction, baseline, target] of indicators) {
    await run(ana, 'defineIndicator', {
      initiativeId,
      indicatorId,
      name,
      unit,
      direction,
      baseline: { date: date(0), value: String(baseline) },
      target: { date: date(SPAN_DAYS + 365), value: String(target) },
      dataSteward: { personId: chen.personId, partnerId: chen.partnerId },
      occurredAt: at(55),
    });
    let value = baseline;
    for (let term = 0; term < 6; term++) {
      const end = 120 + term * 100;
      value += (target - baseline) / 10 + (random() - 0.4) * 2;
      await run(chen, 'recordMeasurement', {
        indicatorId,
        measurementId: `${indicatorId}-t${term + 1}`,
        periodStart: date(end - 100),
        periodEnd: date(end),
        value: value.toFixed(1),
        method: 'District assessment, all third-grade classes',
        sourcePartnerId: 'school-district',
        occurredAt: at(end + 14),
      });
    }
  }
  await run(chen, 'correctMeasurement', {
    indicatorId: 'reading-at-grade',
    measurementId: 'reading-at-grade-t3',
    value: '63.4',
    reason: 'Two schools were missing from the first count.',
    occurredAt: at(360),
  });

  return {
    initiativeId,
    commands: client.commands,
    people: PARTNERS.length + 1,
    partners: PARTNERS.length,
  };
}
