/// claimtrack's version: `claimtrack --version`, the User-Agent and the archive's warcinfo records.
public enum ClaimtrackVersion {
    public static let current = "0.2.0"
}
