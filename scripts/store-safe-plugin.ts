import type { Plugin } from 'vite';

// Library code the extension never runs, taken out of the bundle at build time so that Firefox's
// `web-ext lint` (and a store reviewer) finds no eval and no HTML injection in what we ship. Each
// rule names the file it edits and must match there: a library update that moves the code fails
// the build instead of letting the code back in unnoticed. See docs/store/REVIEW.md.

interface Rule {
  /** The module (path inside node_modules) the rule edits. */
  file: RegExp;
  /** Why the code can never run in the extension. */
  why: string;
  find: RegExp;
  replace: string;
  /** How many matches the file must have (at least one). */
  min?: number;
}

const RULES: Rule[] = [
  {
    file: /\/zod\/v4\/core\/util\.js$/,
    why: 'zod probes for eval to choose its JIT; services/zod-setup.ts sets jitless, so the probe answers no',
    find: /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/,
    replace: 'return false;',
  },
  {
    file: /\/zod\/v4\/core\/doc\.js$/,
    why: "zod's JIT compiler, used only when eval is allowed (never, see above)",
    find: /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    replace: 'compile() { throw new Error("zod JIT is not in this build (jitless)"); }',
  },
  {
    file: /\/zod\/v4\/core\/compile\.js$/,
    why: 'z.compile(): the same JIT as a public function; never called by our code',
    find: /const F = Function;\s*const factoryCode = ([^;]+);\s*let fn;\s*try \{\s*const factory = new F\(\.\.\.constantNames, factoryCode\);\s*fn = factory\(\.\.\.constantValues\);\s*\}/,
    replace:
      'const factoryCode = $1;\n    let fn;\n    try {\n        throw new Error("zod JIT is not in this build (jitless)");\n    }',
  },
  {
    file: /\/preact\/dist\/preact\.(module\.js|mjs)$/,
    why: 'dangerouslySetInnerHTML, which our code never uses (a convention test in services/zod-setup.test.ts)',
    // Minified: `(u.innerHTML=h.__html)`; clearing it with an empty string stays.
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/,
    replace: '(()=>{throw new Error("dangerouslySetInnerHTML is not supported in this build")})()',
  },
  {
    file: /\/exceljs\/dist\/exceljs(\.bare)?(\.min)?\.js$/,
    why: 'lodash and friends look for the global object with eval when neither globalThis nor self exists; extension pages and workers always have both',
    find: /Function\("return this"\)\(\)/g,
    replace: 'globalThis',
    min: 1,
  },
  {
    file: /\/exceljs\/dist\/exceljs(\.bare)?(\.min)?\.js$/,
    why: 'the setImmediate shim compiles a string callback; exceljs passes functions only',
    find: /new Function\(""\+(\w)\)/g,
    replace: '(()=>{throw new TypeError("setImmediate needs a function")})()',
    min: 1,
  },
  {
    file: /\/exceljs\/dist\/exceljs(\.min)?\.js$/,
    why: 'regenerator-runtime sets a global with eval only where globalThis is missing',
    find: /Function\("r","regeneratorRuntime = r"\)\((\w)\)/g,
    replace: '(globalThis.regeneratorRuntime=$1)',
    min: 1,
  },
];

export function storeSafe(): Plugin {
  return {
    name: 'ops-assistant:store-safe',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replace(/\\/g, '/');
      let out = code;
      for (const rule of RULES) {
        if (!rule.file.test(path)) continue;
        const matches = out.match(new RegExp(rule.find.source, rule.find.flags.replace('g', '') + 'g'));
        if ((matches?.length ?? 0) < (rule.min ?? 1))
          throw new Error(`store-safe: ${path} no longer contains the code to remove (${rule.why})`);
        out = out.replace(rule.find, rule.replace);
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
