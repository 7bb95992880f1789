import { AdminPage } from '../../features/admin/admin-page';
import { boot } from '../../shared/boot';

void boot(<AdminPage />);
