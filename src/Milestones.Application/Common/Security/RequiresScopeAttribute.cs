namespace Milestones.Application.Common.Security;

/// <summary>
/// The API-key scope a request needs. <see cref="AllowAnonymous"/> lets callers without a key
/// through (they then see public projects only); a caller with a key still needs the scope.
/// A request without this attribute needs an authenticated caller and no particular scope.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresScopeAttribute(string scope) : Attribute
{
    public string Scope { get; } = scope;

    public bool AllowAnonymous { get; init; }

    /// <summary>Also requires a global administrator.</summary>
    public bool GlobalAdmin { get; init; }
}

/// <summary>Only background work of the service itself may send this request; no HTTP caller can.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class SystemOnlyAttribute : Attribute;
