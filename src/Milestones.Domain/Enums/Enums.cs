namespace Milestones.Domain.Enums;

public enum Visibility { Private, Public }

public enum ProjectRole { Admin, Achiever, Supporter }

public enum MilestoneStatus { Pending, InProgress, Reached, Failed }

public enum MilestoneType { Categorised, Uncategorised }

public enum MilestoneColor { Default, Primary, Secondary, Success, Info, Warning, Danger }

public enum SupportStatus { Pledged, Fulfilled, Released }

public enum TaskDisposal { Reassign, Delete }
