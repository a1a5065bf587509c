interface NamesShownFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * Providers compete for the contract: by default each sees the others only as "A
 * provider"; the commissioner may choose to show names.
 */
export function NamesShownField({ checked, onChange }: NamesShownFieldProps) {
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="round-names-shown"
            type="checkbox"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby="round-names-shown-hint"
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="round-names-shown">
            Providers see each other’s names
          </label>
          <div className="nhsuk-hint nhsuk-checkboxes__hint" id="round-names-shown-hint">
            If not ticked, providers see each other only as “A provider”. Commissioners always see
            who wrote what.
          </div>
        </div>
      </div>
    </div>
  );
}
