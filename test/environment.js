// The tests' environment: Node's, plus one clean-up between test files.
//
// On Node 20 every AsyncLocalStorage ever entered stays in a process-wide list that Node walks
// for each new promise, timer and socket, until someone calls disable(). Each test file loads
// its own copies of the modules that make one (jest-circus, nestjs-pino, the app's command path
// and time travel), so a worker running sixty files walked hundreds of dead instances on every
// asynchronous step. Disabling the instances a file entered, when it ends, keeps the list to
// the file at hand; an instance entered again later enables itself again. (Node 24 keeps
// contexts another way and has no such list; this costs it nothing.)
const { AsyncLocalStorage } = require('node:async_hooks');
const { TestEnvironment } = require('jest-environment-node');

/** The instances entered since the last file ended: one set a process, however often this loads. */
function enteredStorages() {
  const key = Symbol.for('accord.tests.enteredAsyncLocalStorages');
  if (AsyncLocalStorage[key]) return AsyncLocalStorage[key];
  const entered = new Set();
  for (const method of ['run', 'enterWith']) {
    const original = AsyncLocalStorage.prototype[method];
    AsyncLocalStorage.prototype[method] = function (...args) {
      entered.add(this);
      return original.apply(this, args);
    };
  }
  AsyncLocalStorage[key] = entered;
  return entered;
}

const entered = enteredStorages();

class AccordTestEnvironment extends TestEnvironment {
  async teardown() {
    await super.teardown();
    for (const storage of entered) storage.disable();
    entered.clear();
  }
}

module.exports = AccordTestEnvironment;
