namespace Milestones.Domain.Common;

/// <summary>What the activity log keeps of an event. <see cref="Data"/> is serialised as a JSON object.</summary>
public sealed record ActivityRecord(
    string Type,
    long ProjectId,
    long? MilestoneId,
    long? TaskId,
    IReadOnlyDictionary<string, object?> Data);
