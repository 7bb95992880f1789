import { render, screen } from '@testing-library/react';
import { Figure } from '../../../static/src/features/gadget/view/figure';

describe('Figure', () => {
  it('shows an amount compact with its currency and K suffix, and the exact amount in its title', () => {
    render(<Figure amount={992_400} currency="EUR" />);

    const figure = screen.getByText('€992.4K');
    expect(figure).toHaveAttribute('title', '€992,400.00');
    expect(figure).toHaveAttribute('value', '992400');
  });

  it('keeps the sign, the currency and the M suffix of a large loss', () => {
    render(<Figure amount={-4_250_000} currency="USD" />);

    expect(screen.getByText('-$4.3M')).toHaveAttribute('title', '-$4,250,000.00');
  });

  it('shows an amount under a thousand whole, with its currency', () => {
    render(<Figure amount={992.4} currency="EUR" />);

    expect(screen.getByText('€992.4')).toHaveAttribute('title', '€992.40');
  });
});
