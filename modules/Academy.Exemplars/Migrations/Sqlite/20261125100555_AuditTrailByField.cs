using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Exemplars.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrailByField : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ExemplarAuditTrail_Entity_Field_ParticipationId",
                table: "ExemplarAuditTrail",
                columns: new[] { "Entity", "Field", "ParticipationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExemplarAuditTrail_Entity_Field_ParticipationId",
                table: "ExemplarAuditTrail");
        }
    }
}
