namespace Milestones.Infrastructure;

/// <summary>
/// A setting that stops startup. The host prints its message as one line and exits with 1; its
/// message names the setting and what to put there.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
