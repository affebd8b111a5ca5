/// Limits for the accessibility facts a body records (``Body/imageAlts``, ``Body/shortLinkTexts``).
public enum AccessibilityFacts {
    /// Link texts up to this many bytes are kept: every vague text ("click here", "read more") is shorter.
    public static let shortLinkText = 12
}
