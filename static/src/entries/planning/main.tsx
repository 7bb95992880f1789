// First: zod must be jitless before any module below builds a schema (Forge's CSP forbids eval).
import '../../shared/zod-jitless';
import { boot } from '../../shared/boot';
import { PlanningPage } from '../../features/planning/planning-page';

void boot(<PlanningPage />);
