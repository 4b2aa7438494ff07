namespace Milestones.Domain.Common;

public static class Scopes
{
    public const string Read = "milestones:read";
    public const string Write = "milestones:write";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Write, Admin];
}
