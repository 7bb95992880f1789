import type { TileDefinition } from '../config/kpi-tiles';
import { FormulaTip } from './formula-tip';

/** The id of a tile's name, which labels the whole tile. */
export const tileLabelId = (tile: TileDefinition): string => `tile-${tile.id}`;

/** A tile's name, which labels the tile (see `tileLabelId`), and how its figure is computed. */
export function TileHead({ tile }: { tile: TileDefinition }) {
  return (
    <div className="vl-tile-head">
      <h3 className="vl-tile-label" id={tileLabelId(tile)}>
        {tile.label}
      </h3>
      <FormulaTip label={tile.label} formula={tile.formula} />
    </div>
  );
}
