import { EpicPanel } from '../../features/epic-panel/EpicPanel';
import { boot } from '../../shared/boot';

void boot(<EpicPanel />);
