using System.Text.Json;

namespace Milestones.Application.Common.Mapping;

/// <summary>
/// Entity → DTO maps. Queries use them through <c>ProjectTo</c>, so only the columns a DTO needs
/// are read. <c>isOverdue</c> depends on the clock: pass <c>new { now }</c> as the projection parameter.
/// </summary>
public sealed class MappingProfile : Profile
{
    public MappingProfile()
    {
        DateTime now = default;

        CreateMap<User, UserDto>();
        CreateMap<ApiKey, ApiKeyDto>();
        CreateMap<ApiKey, CreatedApiKeyDto>().ForMember(d => d.Key, o => o.Ignore());
        CreateMap<Project, ProjectDto>();
        CreateMap<ProjectMember, MemberDto>()
            .ForMember(d => d.Username, o => o.MapFrom(m => m.User!.Username))
            .ForMember(d => d.DisplayName, o => o.MapFrom(m => m.User!.DisplayName));
        CreateMap<Milestone, MilestoneDto>()
            .ForMember(d => d.IsOverdue, o => o.MapFrom(Milestone.OverdueAt(now)));
        CreateMap<TaskItem, TaskDto>();
        CreateMap<Support, SupportDto>();
        CreateMap<Webhook, WebhookDto>();
        CreateMap<Webhook, CreatedWebhookDto>().ForMember(d => d.Secret, o => o.Ignore());
        CreateMap<WebhookDelivery, WebhookDeliveryDto>();
        CreateMap<ActivityEvent, EventDto>()
            .ForMember(d => d.Data, o => o.MapFrom(e => JsonDocument.Parse(e.Data, default).RootElement.Clone()));
    }
}
