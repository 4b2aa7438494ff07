namespace Milestones.Application.Users;

/// <summary>Whose keys a call is about: the caller's own (<c>/users/me/…</c>), or, for a global admin, another user's.</summary>
internal static class KeyOwner
{
    public static long Resolve(IUser caller, long? userId, string action)
    {
        if (userId is null)
        {
            return caller.Id!.Value;
        }

        return caller.IsAdmin && caller.HasScope(global::Milestones.Domain.Common.Scopes.Admin)
            ? userId.Value
            : throw new ForbiddenAccessException($"Only global administrators can {action} for other users.");
    }
}
