using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Milestones.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProjectId_Status",
                table: "Milestones");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProjectId_DeletedAt_Status_Position",
                table: "Milestones",
                columns: new[] { "ProjectId", "DeletedAt", "Status", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Milestones_ProjectId_DeletedAt_Status_Position",
                table: "Milestones");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_ProjectId_Status",
                table: "Milestones",
                columns: new[] { "ProjectId", "Status" });
        }
    }
}
