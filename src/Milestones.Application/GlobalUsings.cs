// The namespaces nearly every use case needs; anything rarer is imported where it is used.
global using FluentValidation;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
global using Milestones.Application.Common.Exceptions;
global using Milestones.Application.Common.Interfaces;
global using Milestones.Application.Common.Mapping;
global using Milestones.Application.Common.Security;
global using Milestones.Domain.Common;
global using Milestones.Domain.Entities;
global using Milestones.Domain.Enums;
global using Milestones.Domain.Events;
