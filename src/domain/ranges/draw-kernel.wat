;; The risk-range simulation's hot loop: one open epic's draws in one chunk, four draws at a time.
;; Assembled by `npm run build:kernel` into draw-kernel-wasm.ts; laid out and called by
;; draw-kernel.ts (its offsets must match these) for range-draws.ts, which documents the streams.
;;
;; Memory (byte offsets):
;;   0                 the epic's own 32-bit outputs, step k's output i at (k × n + i) × 16
;;                     (16 bytes: 4 lanes)
;;   $stateAt          the four xoshiro128** state words, 4 lanes each (s0 lanes, s1 lanes, ...)
;;   $maskAt           per step, which lanes follow the common shock (0 / -1)
;;   $successAt        per step, which lanes succeed (0 / -1)
;;   $common           the chunk's common shock: success, cost, benefit, CHUNK u32 each
;;   $group            the group's per-draw sums: slot s (NPV, cost, benefit by horizon h = 2 + h)
;;                     of draw d at s × CHUNK × 8 + d × 8
;;   $epics            80 bytes per open epic:
;;                       0 future cost, 8 its PV, 16 cost multiple without spread (f64 each),
;;                       24 cost triangle (low, high, split, lowArea, highArea: f32 each),
;;                       48 success threshold, 52 cost drawn (0/1), 56 first benefit,
;;                       60 end of benefits, 64 spread benefits (i32 each)
;;   $benefits         48 bytes per benefit: 0 PV, 8 multiple without spread (f64 each),
;;                       16 triangle (as above), 36 spread (0/1, i32)
;;   $byHorizon        planned benefit in (as-of, h], f64, horizons per benefit
;;
;; Draw d = 4k + lane of the chunk is lane `lane` of step k: lane i's generator draws every fourth
;; draw, and the four run side by side in one i32x4. A triangular multiple is the quantile of
;; `triangularQuantile` at u = (output >>> 8) / 2^24, in f32x4; sums are kept in f64x2.
(module
  (memory (export "memory") 1)
  (global $common (mut i32) (i32.const 0))
  (global $group (mut i32) (i32.const 0))
  (global $epics (mut i32) (i32.const 0))
  (global $benefits (mut i32) (i32.const 0))
  (global $byHorizon (mut i32) (i32.const 0))
  (global $horizons (mut i32) (i32.const 0))
  ;; 0: every epic draws its own (correlation 0); 1: a coin decides (0 < ρ < 1); 2: the shock only (ρ = 1)
  (global $mode (mut i32) (i32.const 0))
  (global $coinThreshold (mut i32) (i32.const 0))
  (global $stateAt (mut i32) (i32.const 0))
  (global $maskAt (mut i32) (i32.const 0))
  (global $successAt (mut i32) (i32.const 0))

  (func (export "layout")
    (param $commonAt i32) (param $groupAt i32) (param $epicsAt i32) (param $benefitsAt i32)
    (param $byHorizonAt i32) (param $horizonCount i32) (param $shockMode i32) (param $coin i32)
    (param $state i32) (param $masks i32) (param $successes i32)
    (global.set $common (local.get $commonAt))
    (global.set $group (local.get $groupAt))
    (global.set $epics (local.get $epicsAt))
    (global.set $benefits (local.get $benefitsAt))
    (global.set $byHorizon (local.get $byHorizonAt))
    (global.set $horizons (local.get $horizonCount))
    (global.set $mode (local.get $shockMode))
    (global.set $coinThreshold (local.get $coin))
    (global.set $stateAt (local.get $state))
    (global.set $maskAt (local.get $masks))
    (global.set $successAt (local.get $successes)))

  ;; Adds open epic $e's draws of steps 0 .. $steps - 1 (draws 0 .. 4 × $steps - 1) into the group's
  ;; sums, its generators' state read from $stateAt. The first epic of a group ($opens = 1) writes
  ;; the sums rather than adding to them, so that they need no clearing between groups. Pass by pass over the steps, so that each
  ;; pass holds its constants in registers: the own outputs, the shock mask and success, the cost
  ;; multiple, then each benefit (its multiples, then each horizon).
  (func (export "drawEpic") (param $e i32) (param $steps i32) (param $opens i32)
    (local $rec i32) (local $costDrawn i32) (local $first i32) (local $last i32)
    (local $m i32) (local $n i32) (local $k i32) (local $i i32) (local $j i32) (local $b i32)
    (local $brec i32) (local $h i32) (local $at i32) (local $total i32)
    (local $ownFrom i32) (local $stepBytes i32) (local $out i32) (local $shock i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $x v128) (local $t v128)
    (local $mask v128) (local $selected v128) (local $coin v128) (local $threshold v128)
    (local $u v128) (local $side v128) (local $root v128) (local $f v128) (local $g v128)
    (local $low v128) (local $high v128) (local $split v128) (local $lowArea v128) (local $highArea v128)
    (local $kept v128) (local $amount v128) (local $amountPv v128) (local $fHigh v128) (local $amount1 v128) (local $amountH v128) (local $byHorizonAt i32)
    (local.set $rec (i32.add (global.get $epics) (i32.mul (local.get $e) (i32.const 80))))
    (local.set $costDrawn (i32.load offset=52 (local.get $rec)))
    (local.set $first (i32.load offset=56 (local.get $rec)))
    (local.set $last (i32.load offset=60 (local.get $rec)))
    ;; m drawn variables: success, the cost multiple when drawn, each spread benefit
    (local.set $m (i32.add (i32.add (i32.const 1) (local.get $costDrawn)) (i32.load offset=64 (local.get $rec))))
    ;; n own outputs per draw: a coin when 0 < ρ < 1, then one per drawn variable unless ρ = 1
    (local.set $ownFrom (i32.eq (global.get $mode) (i32.const 1)))
    (local.set $n (i32.add (local.get $ownFrom)
      (select (i32.const 0) (local.get $m) (i32.eq (global.get $mode) (i32.const 2)))))
    (local.set $stepBytes (i32.shl (local.get $n) (i32.const 4)))

    ;; Pass 1: every own output of the steps, step k's output i at (k × n + i) × 16.
    (local.set $s0 (v128.load offset=0 (global.get $stateAt)))
    (local.set $s1 (v128.load offset=16 (global.get $stateAt)))
    (local.set $s2 (v128.load offset=32 (global.get $stateAt)))
    (local.set $s3 (v128.load offset=48 (global.get $stateAt)))
    (local.set $total (i32.shl (i32.mul (local.get $steps) (local.get $n)) (i32.const 4)))
    (local.set $i (i32.const 0))
    (block $outputs_done
      (loop $output
        (br_if $outputs_done (i32.ge_u (local.get $i) (local.get $total)))
        ;; xoshiro128** 1.1 on four lanes
        (local.set $x (i32x4.mul (local.get $s1) (v128.const i32x4 5 5 5 5)))
        (v128.store (local.get $i)
          (i32x4.mul
            (v128.or (i32x4.shl (local.get $x) (i32.const 7)) (i32x4.shr_u (local.get $x) (i32.const 25)))
            (v128.const i32x4 9 9 9 9)))
        (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $output)))

    ;; Pass 2: per step, which lanes follow the common shock (the coin's top 31 bits below
    ;; ⌈√ρ × 2^31⌉; every lane when ρ = 1, none when ρ = 0) and which succeed (0 / -1 masks).
    (local.set $threshold (i32x4.splat (i32.load offset=48 (local.get $rec))))
    (local.set $coin (i32x4.splat (global.get $coinThreshold)))
    (local.set $mask (select (v128.const i32x4 -1 -1 -1 -1) (v128.const i32x4 0 0 0 0)
      (i32.eq (global.get $mode) (i32.const 2))))
    (local.set $k (i32.const 0))
    (block $masks_done
      (loop $masks
        (br_if $masks_done (i32.ge_u (local.get $k) (local.get $steps)))
        (local.set $out (i32.mul (local.get $k) (local.get $stepBytes)))
        (if (local.get $ownFrom)
          (then (local.set $mask
            (i32x4.lt_u (i32x4.shr_u (v128.load (local.get $out)) (i32.const 1)) (local.get $coin)))))
        (local.set $at (i32.shl (local.get $k) (i32.const 4)))
        (v128.store (i32.add (global.get $maskAt) (local.get $at)) (local.get $mask))
        (local.set $selected (v128.bitselect
          (v128.load (i32.add (global.get $common) (local.get $at)))
          (v128.load (i32.add (local.get $out) (i32.shl (local.get $ownFrom) (i32.const 4))))
          (local.get $mask)))
        (v128.store (i32.add (global.get $successAt) (local.get $at))
          (i32x4.lt_u (i32x4.shr_u (local.get $selected) (i32.const 1)) (local.get $threshold)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $masks)))

    ;; Pass 3: the cost multiple g; cost += g × future cost, NPV −= g × its PV.
    (local.set $amount (f64x2.splat (f64.load offset=0 (local.get $rec))))
    (local.set $amountPv (f64x2.splat (f64.load offset=8 (local.get $rec))))
    (local.set $g (f64x2.splat (f64.load offset=16 (local.get $rec))))
    (local.set $low (f32x4.splat (f32.load offset=24 (local.get $rec))))
    (local.set $high (f32x4.splat (f32.load offset=28 (local.get $rec))))
    (local.set $split (f32x4.splat (f32.load offset=32 (local.get $rec))))
    (local.set $lowArea (f32x4.splat (f32.load offset=36 (local.get $rec))))
    (local.set $highArea (f32x4.splat (f32.load offset=40 (local.get $rec))))
    ;; own output of variable 1 (the cost) within a step
    (local.set $j (i32.shl (i32.add (local.get $ownFrom) (i32.const 1)) (i32.const 4)))
    (local.set $f (local.get $g))
    (local.set $fHigh (local.get $g))
    ;; what is kept of the sums before: nothing when this epic opens the group
    (local.set $kept (select (result v128) (v128.const i32x4 0 0 0 0) (v128.const i32x4 -1 -1 -1 -1)
      (local.get $opens)))
    (local.set $k (i32.const 0))
    (block $costs_done
      (loop $costs
        (br_if $costs_done (i32.ge_u (local.get $k) (local.get $steps)))
        (if (local.get $costDrawn)
          (then
            (local.set $at (i32.shl (local.get $k) (i32.const 4)))
            ;; the triangular quantile at u = (output >>> 8) / 2^24 (triangularQuantile), in f32x4
            (local.set $u (f32x4.mul
              (f32x4.convert_i32x4_u (i32x4.shr_u (v128.bitselect
                (v128.load offset=4096 (i32.add (global.get $common) (local.get $at)))
                (v128.load (i32.add (i32.mul (local.get $k) (local.get $stepBytes)) (local.get $j)))
                (v128.load (i32.add (global.get $maskAt) (local.get $at))))
                (i32.const 8)))
              (v128.const f32x4 0x1p-24 0x1p-24 0x1p-24 0x1p-24)))
            (local.set $side (f32x4.lt (local.get $u) (local.get $split)))
            (local.set $root (f32x4.sqrt (v128.bitselect
              (f32x4.mul (local.get $u) (local.get $lowArea))
              (f32x4.mul (f32x4.sub (v128.const f32x4 1 1 1 1) (local.get $u)) (local.get $highArea))
              (local.get $side))))
            (local.set $root (v128.bitselect
              (f32x4.add (local.get $low) (local.get $root))
              (f32x4.sub (local.get $high) (local.get $root))
              (local.get $side)))
            (local.set $f (f64x2.promote_low_f32x4 (local.get $root)))
            (local.set $fHigh (f64x2.promote_low_f32x4
              (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $root) (local.get $root))))))
        (local.set $at (i32.add (global.get $group) (i32.shl (local.get $k) (i32.const 5))))
        (v128.store offset=8192 (local.get $at)
          (f64x2.add (v128.and (v128.load offset=8192 (local.get $at)) (local.get $kept))
            (f64x2.mul (local.get $f) (local.get $amount))))
        (v128.store offset=8208 (local.get $at)
          (f64x2.add (v128.and (v128.load offset=8208 (local.get $at)) (local.get $kept))
            (f64x2.mul (local.get $fHigh) (local.get $amount))))
        (v128.store (local.get $at)
          (f64x2.sub (v128.and (v128.load (local.get $at)) (local.get $kept))
            (f64x2.mul (local.get $f) (local.get $amountPv))))
        (v128.store offset=16 (local.get $at)
          (f64x2.sub (v128.and (v128.load offset=16 (local.get $at)) (local.get $kept))
            (f64x2.mul (local.get $fHigh) (local.get $amountPv))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $costs)))

    ;; Pass 4, per benefit: its multiple f (0 when the epic fails) in every draw;
    ;; NPV += f × PV and, per horizon h, benefit_h += f × planned in (as-of, h].
    ;; own output of the first spread benefit within a step
    (local.set $j (i32.shl (i32.add (i32.add (local.get $ownFrom) (i32.const 1)) (local.get $costDrawn)) (i32.const 4)))
    (local.set $b (local.get $first))
    (block $benefits_done
      (loop $benefit
        (br_if $benefits_done (i32.ge_u (local.get $b) (local.get $last)))
        (local.set $brec (i32.add (global.get $benefits) (i32.mul (local.get $b) (i32.const 48))))
        (local.set $shock (i32.load offset=36 (local.get $brec)))
        (local.set $amountPv (f64x2.splat (f64.load offset=0 (local.get $brec))))
        (local.set $g (f64x2.splat (f64.load offset=8 (local.get $brec))))
        (local.set $low (f32x4.splat (f32.load offset=16 (local.get $brec))))
        (local.set $high (f32x4.splat (f32.load offset=20 (local.get $brec))))
        (local.set $split (f32x4.splat (f32.load offset=24 (local.get $brec))))
        (local.set $lowArea (f32x4.splat (f32.load offset=28 (local.get $brec))))
        (local.set $highArea (f32x4.splat (f32.load offset=32 (local.get $brec))))
        ;; planned benefit in (as-of, h] of horizons 0 and 1 (horizon 1 read only when there is one)
        (local.set $byHorizonAt (i32.add (global.get $byHorizon)
          (i32.shl (i32.mul (local.get $b) (global.get $horizons)) (i32.const 3))))
        (local.set $amount (f64x2.splat (f64.load (local.get $byHorizonAt))))
        (if (i32.gt_u (global.get $horizons) (i32.const 1))
          (then (local.set $amount1 (f64x2.splat (f64.load offset=8 (local.get $byHorizonAt))))))
        (local.set $f (local.get $g))
        (local.set $fHigh (local.get $g))
        ;; the benefit sums are written, not added to, by the first benefit of a group's first epic
        (local.set $kept (select (result v128) (v128.const i32x4 0 0 0 0) (v128.const i32x4 -1 -1 -1 -1)
          (i32.and (local.get $opens) (i32.eq (local.get $b) (local.get $first)))))
        (local.set $k (i32.const 0))
        (block $draws_done
          (loop $draws
            (br_if $draws_done (i32.ge_u (local.get $k) (local.get $steps)))
            (local.set $at (i32.shl (local.get $k) (i32.const 4)))
            (if (local.get $shock)
              (then
                (local.set $u (f32x4.mul
                  (f32x4.convert_i32x4_u (i32x4.shr_u (v128.bitselect
                    (v128.load offset=8192 (i32.add (global.get $common) (local.get $at)))
                    (v128.load (i32.add (i32.mul (local.get $k) (local.get $stepBytes)) (local.get $j)))
                    (v128.load (i32.add (global.get $maskAt) (local.get $at))))
                    (i32.const 8)))
                  (v128.const f32x4 0x1p-24 0x1p-24 0x1p-24 0x1p-24)))
                (local.set $side (f32x4.lt (local.get $u) (local.get $split)))
                (local.set $root (f32x4.sqrt (v128.bitselect
                  (f32x4.mul (local.get $u) (local.get $lowArea))
                  (f32x4.mul (f32x4.sub (v128.const f32x4 1 1 1 1) (local.get $u)) (local.get $highArea))
                  (local.get $side))))
                (local.set $root (v128.bitselect
                  (f32x4.add (local.get $low) (local.get $root))
                  (f32x4.sub (local.get $high) (local.get $root))
                  (local.get $side)))
                (local.set $f (f64x2.promote_low_f32x4 (local.get $root)))
                (local.set $fHigh (f64x2.promote_low_f32x4
                  (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $root) (local.get $root))))))
            ;; A failed epic delivers no benefit after as-of: its multiple counts 0.
            (local.set $selected (v128.load (i32.add (global.get $successAt) (local.get $at))))
            (local.set $at (i32.shl (local.get $k) (i32.const 5)))
            (local.set $x (v128.and (local.get $f) (i64x2.extend_low_i32x4_s (local.get $selected))))
            (local.set $t (v128.and (local.get $fHigh) (i64x2.extend_high_i32x4_s (local.get $selected))))
            (local.set $at (i32.add (global.get $group) (i32.shl (local.get $k) (i32.const 5))))
            (v128.store (local.get $at)
              (f64x2.add (v128.load (local.get $at)) (f64x2.mul (local.get $x) (local.get $amountPv))))
            (v128.store offset=16 (local.get $at)
              (f64x2.add (v128.load offset=16 (local.get $at)) (f64x2.mul (local.get $t) (local.get $amountPv))))
            ;; benefit by horizon 0 (slot 2), by horizon 1 (slot 3), then any further horizons
            (v128.store offset=16384 (local.get $at)
              (f64x2.add (v128.and (v128.load offset=16384 (local.get $at)) (local.get $kept))
                (f64x2.mul (local.get $x) (local.get $amount))))
            (v128.store offset=16400 (local.get $at)
              (f64x2.add (v128.and (v128.load offset=16400 (local.get $at)) (local.get $kept))
                (f64x2.mul (local.get $t) (local.get $amount))))
            (if (i32.gt_u (global.get $horizons) (i32.const 1))
              (then
                (v128.store offset=24576 (local.get $at)
                  (f64x2.add (v128.and (v128.load offset=24576 (local.get $at)) (local.get $kept))
                    (f64x2.mul (local.get $x) (local.get $amount1))))
                (v128.store offset=24592 (local.get $at)
                  (f64x2.add (v128.and (v128.load offset=24592 (local.get $at)) (local.get $kept))
                    (f64x2.mul (local.get $t) (local.get $amount1))))))
            (local.set $h (i32.const 2))
            (block $horizons_done
              (loop $horizon
                (br_if $horizons_done (i32.ge_u (local.get $h) (global.get $horizons)))
                (local.set $amountH (f64x2.splat
                  (f64.load (i32.add (local.get $byHorizonAt) (i32.shl (local.get $h) (i32.const 3))))))
                (local.set $i (i32.add (local.get $at) (i32.shl (i32.add (local.get $h) (i32.const 2)) (i32.const 13))))
                (v128.store (local.get $i)
                  (f64x2.add (v128.and (v128.load (local.get $i)) (local.get $kept))
                    (f64x2.mul (local.get $x) (local.get $amountH))))
                (v128.store offset=16 (local.get $i)
                  (f64x2.add (v128.and (v128.load offset=16 (local.get $i)) (local.get $kept))
                    (f64x2.mul (local.get $t) (local.get $amountH))))
                (local.set $h (i32.add (local.get $h) (i32.const 1)))
                (br $horizon)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $draws)))
        (local.set $j (i32.add (local.get $j) (i32.shl (local.get $shock) (i32.const 4))))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $benefit))))

  ;; into[d] += weight × from[d] for d in 0 .. 2 × $pairs − 1 (f64 arrays at byte offsets
  ;; $into and $from): a group's per-draw sums added into one of its scopes'.
  (func (export "addScaled") (param $into i32) (param $from i32) (param $weight f64) (param $pairs i32)
    (local $scale v128) (local $end i32)
    (local.set $scale (f64x2.splat (local.get $weight)))
    (local.set $end (i32.add (local.get $into) (i32.shl (local.get $pairs) (i32.const 4))))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $into) (local.get $end)))
        (v128.store (local.get $into)
          (f64x2.add (v128.load (local.get $into)) (f64x2.mul (v128.load (local.get $from)) (local.get $scale))))
        (local.set $into (i32.add (local.get $into) (i32.const 16)))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (br $pair)))))
