import { boot } from '../../shared/boot';
import { Placeholder } from '../../shared/placeholder';

void boot(
  <Placeholder
    title="Value"
    purpose="Record this epic's benefits, costs, success probability, objectives and NPS."
  />,
);
