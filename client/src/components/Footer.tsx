export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">
            Coproduce: co-producing service specifications with children, young people and families.
          </p>
        </div>
      </div>
    </footer>
  );
}
