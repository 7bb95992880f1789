import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Avatar } from '../../../static/src/ui/avatar';
import { Button } from '../../../static/src/ui/button';
import { ErrorSummary } from '../../../static/src/ui/error-summary';
import { Field } from '../../../static/src/ui/field';
import { Lozenge } from '../../../static/src/ui/lozenge';
import { Modal } from '../../../static/src/ui/modal';
import { MonthInput } from '../../../static/src/ui/month-input';
import { SectionMessage } from '../../../static/src/ui/section-message';
import { Skeleton } from '../../../static/src/ui/skeleton';
import { Table, type Column } from '../../../static/src/ui/table';
import { Tabs } from '../../../static/src/ui/tabs';
import { UserPicker, type PickableUser } from '../../../static/src/ui/user-picker';

describe('Button', () => {
  it('calls its handler when clicked', async () => {
    const clicked = jest.fn();
    render(<Button onClick={clicked}>Save</Button>);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('is a plain button, not a form submit, unless asked', () => {
    render(<Button appearance="primary">Save</Button>);
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('type', 'button');
  });

  it('refuses clicks and says it is busy while its work runs', async () => {
    const clicked = jest.fn();
    render(
      <Button busy onClick={clicked}>
        Saving
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Saving' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(button);
    expect(clicked).not.toHaveBeenCalled();
  });

  it('keeps the focus but refuses clicks and keys while unavailable', async () => {
    const clicked = jest.fn();
    render(
      <Button unavailable onClick={clicked}>
        Apply
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Apply' });
    button.focus();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    await userEvent.keyboard('{Enter} ');
    expect(clicked).not.toHaveBeenCalled();
  });
});

interface Epic {
  key: string;
  cost: number;
}
const epics: Epic[] = [
  { key: 'VL-2', cost: 300 },
  { key: 'VL-10', cost: 50 },
  { key: 'VL-1', cost: 1000 },
];
const columns: Column<Epic, 'key' | 'cost'>[] = [
  { key: 'key', label: 'Key', sortValue: (row) => row.key, cell: (row) => row.key },
  {
    key: 'cost',
    label: 'Cost',
    numeric: true,
    sortValue: (row) => row.cost,
    cell: (row) => String(row.cost),
  },
];

function keysInOrder(): string[] {
  const table = screen.getByRole('table', { name: 'Epics' });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('Table', () => {
  it('names each row by its first column and sorts by its initial sort', () => {
    render(
      <Table
        label="Epics"
        columns={columns}
        rows={epics}
        rowKey={(row) => row.key}
        initialSort={{ key: 'cost', direction: 'descending' }}
      />,
    );
    expect(keysInOrder()).toEqual(['VL-1', 'VL-2', 'VL-10']);
    expect(screen.getByRole('columnheader', { name: 'Cost' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const user = userEvent.setup();
    render(
      <Table
        label="Epics"
        columns={columns}
        rows={epics}
        rowKey={(row) => row.key}
        initialSort={{ key: 'cost', direction: 'descending' }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Key' }));
    expect(keysInOrder()).toEqual(['VL-1', 'VL-2', 'VL-10']);
    await user.click(screen.getByRole('button', { name: 'Key' }));
    expect(keysInOrder()).toEqual(['VL-10', 'VL-2', 'VL-1']);
    expect(screen.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('right-aligns numeric columns and scrolls in a named, focusable region', () => {
    render(<Table label="Epics" columns={columns} rows={epics} rowKey={(row) => row.key} />);
    const region = screen.getByRole('region', { name: 'Epics' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('columnheader', { name: 'Cost' })).toHaveClass('vl-num');
    expect(screen.getAllByRole('cell', { name: '300' })[0]).toHaveClass('vl-num');
    expect(keysInOrder()).toEqual(['VL-2', 'VL-10', 'VL-1']);
  });
});

describe('Field', () => {
  it('ties its label, hint and error to the input', () => {
    render(
      <Field id="amount" label="Amount" hint="In EUR" error="Enter an amount" required>
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: /Amount/ });
    expect(input).toHaveAccessibleDescription('Enter an amount In EUR');
    expect(input).toBeInvalid();
    expect(input).toBeRequired();
  });
});

describe('ErrorSummary', () => {
  it('lists each problem as a link that focuses its field', async () => {
    render(
      <>
        <ErrorSummary problems={[{ id: 'name', label: 'Name', message: 'Enter a name' }]} />
        <input id="name" aria-label="Name" />
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Fix 1 problem to continue');
    await userEvent.click(screen.getByRole('link', { name: 'Name' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
  });
});

describe('SectionMessage', () => {
  it('interrupts with an alert for an error and waits its turn (status) otherwise', () => {
    render(
      <>
        <SectionMessage appearance="error" title="Not saved" />
        <SectionMessage appearance="success" title="Saved" />
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved');
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
  });
});

describe('Lozenge', () => {
  it('shows its text with its appearance', () => {
    render(<Lozenge appearance="success">Done</Lozenge>);
    expect(screen.getByText('Done')).toHaveClass('vl-lozenge--success');
  });
});

describe('Avatar', () => {
  it('shows initials, hidden from screen readers that read the name beside it', () => {
    const { container } = render(<Avatar name="Ada Lovelace" />);
    expect(container).toHaveTextContent('AL');
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
  });
});

describe('Skeleton', () => {
  it('says once what is loading', () => {
    render(<Skeleton label="Loading objectives…" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading objectives…');
  });
});

describe('Tabs', () => {
  function TwoTabs() {
    const [selected, setSelected] = useState<'one' | 'two'>('one');
    return (
      <Tabs
        label="Sections"
        tabs={[
          { id: 'one', label: 'One' },
          { id: 'two', label: 'Two' },
        ]}
        selected={selected}
        onSelect={setSelected}
      >
        Panel {selected}
      </Tabs>
    );
  }

  it('selects a tab by click and by arrow key, showing its panel', async () => {
    const user = userEvent.setup();
    render(<TwoTabs />);
    await user.click(screen.getByRole('tab', { name: 'Two' }));
    expect(screen.getByRole('tab', { name: 'Two' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Two' })).toHaveTextContent('Panel two');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'One' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'One' })).toHaveTextContent('Panel one');
  });
});

describe('Modal', () => {
  function Opener({ onClose }: { onClose: () => void }) {
    const [open, setOpen] = useState(false);
    return (
      <>
        <Button
          onClick={() => {
            setOpen(true);
          }}
        >
          Delete
        </Button>
        {open ? (
          <Modal
            title="Delete OBJ-1?"
            appearance="danger"
            onClose={() => {
              onClose();
              setOpen(false);
            }}
            actions={
              <>
                <Button appearance="subtle">Cancel</Button>
                <Button appearance="danger">Delete OBJ-1</Button>
              </>
            }
          >
            <p>Deleting cannot be undone.</p>
          </Modal>
        ) : null}
      </>
    );
  }

  it('takes the focus, keeps Tab inside, closes on Escape and gives the focus back', async () => {
    const user = userEvent.setup();
    const closed = jest.fn();
    render(<Opener onClose={closed} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete OBJ-1?' });
    expect(dialog).toHaveAccessibleDescription('Deleting cannot be undone.');
    expect(dialog).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(closed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
  });
});

describe('MonthInput', () => {
  function Month() {
    const [value, setValue] = useState('');
    return <MonthInput id="as-of" aria-label="As of" value={value} onChange={setValue} />;
  }

  it('writes a month typed as people type it as YYYY-MM when the user leaves it', async () => {
    const user = userEvent.setup();
    render(<Month />);
    await user.type(screen.getByRole('textbox', { name: 'As of' }), 'Mar 2026');
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'As of' })).toHaveValue('2026-03');
  });

  it('leaves text that is no month as typed, for validation to name', async () => {
    const user = userEvent.setup();
    render(<Month />);
    await user.type(screen.getByRole('textbox', { name: 'As of' }), 'soon');
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'As of' })).toHaveValue('soon');
  });
});

describe('UserPicker', () => {
  const people: PickableUser[] = [
    { accountId: 'acc-sam', displayName: 'Sam Okafor', emailAddress: 'sam@example.com' },
    { accountId: 'acc-sara', displayName: 'Sara Lind' },
  ];

  function Picker({ search }: { search: (query: string) => Promise<PickableUser[]> }) {
    const [picked, setPicked] = useState<PickableUser | null>(null);
    return (
      <Field id="owner" label="Owner">
        {(control) => (
          <UserPicker
            control={control}
            label="Owner"
            value={picked?.accountId ?? null}
            name={picked?.displayName ?? ''}
            search={search}
            onChange={setPicked}
          />
        )}
      </Field>
    );
  }

  it('asks the given search, moves through the matches with the arrow keys and picks with Enter', async () => {
    const asked: string[] = [];
    const user = userEvent.setup();
    render(
      <Picker
        search={(query) => {
          asked.push(query);
          return Promise.resolve(people.filter((person) => person.displayName.startsWith(query)));
        }}
      />,
    );

    await user.type(screen.getByRole('combobox', { name: 'Owner' }), 'Sa');
    expect(await screen.findAllByRole('option')).toHaveLength(2);
    await user.keyboard('{ArrowDown}{Enter}');

    expect(screen.getByText('Sara Lind')).toBeInTheDocument();
    expect(asked).toEqual(['Sa']);
    await user.click(screen.getByRole('button', { name: 'Change owner (Sara Lind)' }));
    expect(screen.getByRole('combobox', { name: 'Owner' })).toBeInTheDocument();
  });

  it('says why when the search fails, and keeps the box for another try', async () => {
    const user = userEvent.setup();
    render(<Picker search={() => Promise.reject(new Error('Jira answered 503'))} />);

    await user.type(screen.getByRole('combobox', { name: 'Owner' }), 'Sam');

    expect(
      await screen.findByText('Jira could not search users (Jira answered 503). Try again in a moment.', {
        selector: '[role="status"]',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('Sam');
  });

  it('shows the person without a Change button when read-only, and says when nobody is picked', () => {
    const search = () => Promise.resolve([]);
    const control = { id: 'owner' };
    const { rerender } = render(
      <UserPicker
        control={control}
        label="Owner"
        value="acc-sam"
        name="Sam Okafor"
        search={search}
        onChange={() => undefined}
        readOnly
      />,
    );
    expect(screen.getByText('Sam Okafor')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    rerender(
      <UserPicker
        control={control}
        label="Owner"
        value={null}
        name=""
        search={search}
        onChange={() => undefined}
        readOnly
      />,
    );
    expect(screen.getByText('Nobody yet')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });
});
