import { render, screen } from '@testing-library/react';
import { ProgressBar } from '../../../static/src/ui/progress-bar';

describe('ProgressBar', () => {
  it('is a progress bar named by its label, with its value of its maximum', () => {
    render(<ProgressBar label="Recording decisions: 300 of 1,000 epics" value={300} max={1000} />);

    const bar = screen.getByRole('progressbar', { name: 'Recording decisions: 300 of 1,000 epics' });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '1000');
    expect(bar).toHaveAttribute('aria-valuenow', '300');
    expect(bar).toHaveAttribute('aria-valuetext', 'Recording decisions: 300 of 1,000 epics');
    expect(screen.getByText('Recording decisions: 300 of 1,000 epics')).toBeVisible();
  });

  it('is indeterminate, without a value, while the total is unknown', () => {
    render(<ProgressBar label="Reading epics: 1,200 read" value={1200} max={null} />);

    const bar = screen.getByRole('progressbar', { name: 'Reading epics: 1,200 read' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).not.toHaveAttribute('aria-valuemax');
    expect(bar).toHaveClass('vl-progressbar-track--indeterminate');
  });

  it('never shows a value beyond its maximum', () => {
    render(<ProgressBar label="Done" value={12} max={10} />);

    expect(screen.getByRole('progressbar', { name: 'Done' })).toHaveAttribute('aria-valuenow', '10');
  });
});
