import { useQuery } from '@tanstack/react-query';
import { previewInvitation } from '../../api/invitations';

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => previewInvitation(token),
  });
}
