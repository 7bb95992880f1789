import { boot } from '../../shared/boot';
import { Placeholder } from '../../shared/placeholder';

void boot(<Placeholder title="Portfolio value" purpose="VMO KPIs rolled up across your epics." />);
