// Builds every Custom UI module into static/build/<module>, the paths manifest.yml names.
import { build } from 'vite';
import { configFor, uiModules } from '../static/vite.config';

async function main(requested: string[]): Promise<void> {
  for (const uiModule of uiModules) {
    if (requested.length > 0 && !requested.includes(uiModule)) continue;
    const started = performance.now();
    await build(configFor(uiModule));
    console.log(`built static/build/${uiModule} in ${Math.round(performance.now() - started)} ms`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
