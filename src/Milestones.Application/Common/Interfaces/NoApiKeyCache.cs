namespace Milestones.Application.Common.Interfaces;

/// <summary>Where nothing is cached (handler tests), there is nothing to forget.</summary>
public sealed class NoApiKeyCache : IApiKeyCache
{
    public void Forget(long keyId)
    {
    }
}
