import { StreamQueue } from './stream-queue';

/** A task that runs until released, recording when it starts. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const task = async () => {
    log.push(`start ${name}`);
    await released;
    log.push(`end ${name}`);
    return name;
  };
  return { task, release };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamQueue', () => {
  it('runs the tasks of one stream one at a time, in arrival order', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const first = gate(log, 'a1');
    const second = gate(log, 'a2');
    const one = queue.run('a', first.task);
    const two = queue.run('a', second.task);
    await settle();
    expect(log).toEqual(['start a1']);
    first.release();
    await expect(one).resolves.toBe('a1');
    await settle();
    expect(log).toEqual(['start a1', 'end a1', 'start a2']);
    second.release();
    await expect(two).resolves.toBe('a2');
  });

  it('does not hold one stream up behind another', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const blocked = gate(log, 'a1');
    const running = queue.run('a', blocked.task);
    await expect(queue.run('b', () => Promise.resolve('b1'))).resolves.toBe('b1');
    expect(log).toEqual(['start a1']);
    blocked.release();
    await running;
  });

  it('goes on with the next task when one fails, and passes the failure to its caller', async () => {
    const queue = new StreamQueue();
    const failing = queue.run('a', () => Promise.reject(new Error('refused')));
    const next = queue.run('a', () => Promise.resolve('next'));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });

  it('forgets a stream once its queue is empty', async () => {
    const queue = new StreamQueue();
    const tasks = Array.from({ length: 50 }, (_, i) =>
      queue.run(`stream-${i % 5}`, () => Promise.resolve(i)),
    );
    expect(queue.activeKeys).toBe(5);
    await Promise.all(tasks);
    await settle();
    expect(queue.activeKeys).toBe(0);
  });
});
