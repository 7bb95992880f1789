// First: zod must be jitless before any module below builds a schema (Forge's CSP forbids eval).
import '../../shared/zod-jitless';
import { EpicPanel } from '../../features/epic-panel/epic-panel';
import { boot } from '../../shared/boot';

void boot(<EpicPanel />);
