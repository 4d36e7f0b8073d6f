/**
 * A card in place of figures the account may not read: why, in words, and a
 * sign-in link for the public. The overlaps, media and training pages show it
 * instead of asking the hub for what it would refuse.
 */
import { Card } from '../../app/Card';
import { SignInLink } from '../../app/SignInLink';
import './pages.css';

export function RestrictedCard({
  title,
  message,
  signIn = false,
  className,
}: {
  title: string;
  message: string;
  /** Offer the sign-in link (the public). */
  signIn?: boolean;
  className?: string;
}) {
  return (
    <Card title={title} state="ready" bodyHeight={200} className={['card-restricted', className].filter(Boolean).join(' ')}>
      <div className="restricted-panel restricted-compact" role="note">
        <p className="restricted-title">{message}</p>
        {signIn ? <SignInLink className="button" /> : null}
      </div>
    </Card>
  );
}
