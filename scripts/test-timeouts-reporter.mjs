// A vitest reporter for `npm test`: writes each test's own timeout (ms) to TEST_TIMEOUTS_FILE, keyed
// like vitest's JSON report ("file › suite test"), so the near-timeout list measures a test that
// carries its own measured timeout against that one, not against the runner's default.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export default class TestTimeoutsReporter {
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules) {
    const file = process.env.TEST_TIMEOUTS_FILE;
    if (!file) return;
    const timeouts = {};
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const names = [test.name];
        for (let p = test.parent; p.type === 'suite'; p = p.parent) names.unshift(p.name);
        if (typeof test.options.timeout === 'number')
          timeouts[`${relative(this.root, module.moduleId)} › ${names.join(' ')}`] = test.options.timeout;
      }
    }
    writeFileSync(file, JSON.stringify(timeouts, null, 1));
  }
}
