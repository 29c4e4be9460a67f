/**
 * Said before the voter submits (issue 8): the receipt is the only key to the
 * ballot, because the server keeps no link from a voter to their ballot. What
 * stays possible without it is said as plainly as what does not.
 */
export function LostReceiptNote() {
  return (
    <p data-testid="lost-receipt-note">
      <strong>About your receipt:</strong> submitting gives you a receipt code. If you lose your receipt, nobody can recover it — not even the
      officials: the server cannot link you to your ballot, by design. Your ballot still counts without it. With the receipt you can check your
      ballot and replace it (vote again) until voting closes; each replacement gives you a new receipt and the old one stops working.
    </p>
  );
}
