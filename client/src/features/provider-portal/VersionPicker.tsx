import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { VersionSummary } from '@coproduce/domain';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { paths } from '../../paths';

interface VersionPickerProps {
  workspaceId: string;
  specificationId: string;
  versions: VersionSummary[];
  current: number;
}

/** Every published version, withdrawn ones marked, to read another. */
export function VersionPicker({
  workspaceId,
  specificationId,
  versions,
  current,
}: VersionPickerProps) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(String(current));
  if (versions.length < 2) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.version(workspaceId, specificationId, Number(chosen)));
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Choose a version">
      <Select
        id="version-picker"
        label="Read another version"
        options={versions.map((version) => ({
          value: String(version.number),
          text: `Version ${version.number}: ${version.name}${version.withdrawn ? ' (withdrawn)' : ''}`,
        }))}
        value={chosen}
        onChange={setChosen}
      />
      <Button variant="secondary" small>
        Show version
      </Button>
    </form>
  );
}
