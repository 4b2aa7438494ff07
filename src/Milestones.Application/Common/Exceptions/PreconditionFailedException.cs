namespace Milestones.Application.Common.Exceptions;

/// <summary>412: the command expected a version of the resource that is no longer current.</summary>
public sealed class PreconditionFailedException()
    : Exception("The resource has changed since the version you expected; fetch it again and retry.");
