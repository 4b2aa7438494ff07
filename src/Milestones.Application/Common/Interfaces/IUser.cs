namespace Milestones.Application.Common.Interfaces;

/// <summary>Who is calling: resolved from the API key, or anonymous, or the system (background work).</summary>
public interface IUser
{
    long? Id { get; }

    bool IsAdmin { get; }

    IReadOnlyCollection<string> Scopes { get; }

    /// <summary>True for background work (the deadline sweeper): no request, no caller, actor null in events.</summary>
    bool IsSystem { get; }

    bool IsAuthenticated => Id is not null;

    bool HasScope(string scope) => Scopes.Contains(scope);
}
