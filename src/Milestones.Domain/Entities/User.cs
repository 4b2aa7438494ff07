using System.Text.RegularExpressions;
using Milestones.Domain.Common;

namespace Milestones.Domain.Entities;

public sealed partial class User : BaseEntity
{
    private User() { }

    public string Username { get; private set; } = "";

    /// <summary>Lower-case username; unique, so usernames are unique case-insensitively.</summary>
    public string NormalizedUsername { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public bool IsAdmin { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static bool IsValidUsername(string? username) =>
        username is not null && UsernamePattern().IsMatch(username);

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    public static User Create(string username, string? displayName, bool isAdmin, DateTime now)
    {
        if (!IsValidUsername(username))
        {
            throw new ArgumentException("Username must be 3–39 characters of a-z, 0-9, '-' and '_'.", nameof(username));
        }

        return new User
        {
            Username = username,
            NormalizedUsername = Normalize(username),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? username : Text.Nfc(displayName.Trim()),
            IsAdmin = isAdmin,
            CreatedAt = now,
        };
    }

    public void PromoteToAdmin() => IsAdmin = true;

    /// <summary>A username: 3–39 of a-z, 0-9, '-' and '_'.</summary>
    public const string UsernamePatternText = "^[a-z0-9_-]{3,39}$";

    [GeneratedRegex(UsernamePatternText)]
    private static partial Regex UsernamePattern();
}
