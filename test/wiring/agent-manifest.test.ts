import { AGENT_ACTIONS } from '../../src/contract/agent.contract';
import { readManifest, type ManifestModule } from '../support/manifest';

interface ActionModule extends ManifestModule {
  function: string;
  actionVerb: string;
  inputs?: Record<string, { type: string; required?: boolean }>;
}

interface AgentModule extends ManifestModule {
  prompt: string;
  actions: string[];
}

/** The VMO analyst's agent and actions in manifest.yml, against the code that serves them. */
describe('the VMO analyst in manifest.yml', () => {
  const manifest = readManifest();
  const [agent] = (manifest.modules['rovo:agent'] ?? []) as AgentModule[];
  const prompt = agent?.prompt ?? '';
  const actions = (manifest.modules.action ?? []) as ActionModule[];

  it('lists exactly the action modules the code knows, and the prompt names each', () => {
    expect(agent?.actions).toEqual(Object.values(AGENT_ACTIONS));
    expect(actions.map((action) => action.key)).toEqual(Object.values(AGENT_ACTIONS));
    for (const key of Object.values(AGENT_ACTIONS)) expect(prompt).toContain(`(${key})`);
  });

  it('declares only read actions, each with a function of its own', () => {
    expect(actions.map((action) => action.actionVerb)).toEqual(actions.map(() => 'GET'));
    expect(new Set(actions.map((action) => action.function)).size).toBe(actions.length);
  });

  it('names in the prompt every input the actions declare, so the model knows how to fill it', () => {
    const inputs = [...new Set(actions.flatMap((action) => Object.keys(action.inputs ?? {})))];

    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => !prompt.includes(input))).toEqual([]);
  });
});
