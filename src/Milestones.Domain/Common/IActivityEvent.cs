using Mediator;

namespace Milestones.Domain.Common;

/// <summary>A domain event that is also written to the project's activity log.</summary>
public interface IActivityEvent : INotification
{
    ActivityRecord ToActivity();
}
