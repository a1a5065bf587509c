import { TextInput } from '../../components/TextInput';

interface FieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

interface Props {
  name: FieldProps;
  serviceArea: FieldProps;
  leadOrganisation: FieldProps;
}

/** A workspace's name, service area and lead organisation, as set-up and "Start a workspace" ask for them. */
export function WorkspaceDetailsFields({ name, serviceArea, leadOrganisation }: Props) {
  return (
    <>
      <TextInput
        label="Workspace name"
        hint="The service you are commissioning, for example Short breaks for disabled children"
        {...name}
      />
      <TextInput
        label="Service area"
        hint="For example Disabled children and their families"
        {...serviceArea}
      />
      <TextInput
        label="Lead organisation"
        hint="The organisation leading the commissioning, for example an integrated care board"
        autoComplete="organization"
        {...leadOrganisation}
      />
    </>
  );
}
