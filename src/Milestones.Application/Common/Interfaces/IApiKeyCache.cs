namespace Milestones.Application.Common.Interfaces;

/// <summary>
/// Authenticated keys are remembered for a short time (Infrastructure). A revocation tells this
/// instance's memory at once; other instances forget the key within the cache's lifetime.
/// </summary>
public interface IApiKeyCache
{
    /// <summary>From now on this instance checks the key against the database on every request.</summary>
    void Forget(long keyId);
}
