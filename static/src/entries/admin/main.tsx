import { boot } from '../../shared/boot';
import { Placeholder } from '../../shared/placeholder';

void boot(
  <Placeholder title="Value Layer" purpose="Strategic objectives, app settings, import and backup." />,
);
