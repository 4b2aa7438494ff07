namespace Milestones.Domain.Enums;

public enum Visibility { Private, Public }

public enum ProjectRole { Admin, Achiever, Supporter }

public enum MilestoneStatus { Pending, InProgress, Reached, Failed }

public enum MilestoneType { Categorised, Uncategorised }

public enum MilestoneColor { Default, Primary, Secondary, Success, Info, Warning, Danger }

public enum SupportStatus { Pledged, Fulfilled, Released }

public enum TaskDisposal { Reassign, Delete }

/// <summary>What a missed deadline does: <c>fail</c> the milestone (funding semantics, pledges come back) or only <c>flag</c> it as overdue (tracker semantics).</summary>
public enum DeadlinePolicy { Fail, Flag }

/// <summary>A webhook delivery: waiting for (another) attempt, delivered (a 2xx answer), or failed for good.</summary>
public enum DeliveryStatus { Pending, Delivered, Failed }
