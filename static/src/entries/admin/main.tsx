// First: zod must be jitless before any module below builds a schema (Forge's CSP forbids eval).
import '../../shared/zod-jitless';
import { AdminPage } from '../../features/admin/admin-page';
import { boot } from '../../shared/boot';

void boot(<AdminPage />);
