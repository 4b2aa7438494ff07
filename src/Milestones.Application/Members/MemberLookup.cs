namespace Milestones.Application.Members;

internal static class MemberLookup
{
    /// <summary>A user by numeric id or by username (case-insensitive).</summary>
    public static async Task<long> UserIdAsync(this IApplicationDbContext db, string idOrUsername, CancellationToken ct)
    {
        var users = long.TryParse(idOrUsername, out var id)
            ? db.Users.Where(u => u.Id == id)
            : db.Users.Where(u => u.NormalizedUsername == User.Normalize(idOrUsername));
        return await users.Select(u => (long?)u.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("User", idOrUsername);
    }
}
