using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Academy.Exemplars.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExemplarAuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReturnId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarAuditTrail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    CapPerTrust = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportingPeriodMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerRequired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarTrusts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarTrusts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarParticipations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrustId = table.Column<int>(type: "INTEGER", nullable: false),
                    Allocation = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    PartnerOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RoadmapMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    MaturityTarget = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LocalMatchedFunding = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    ApprovedClaimsTotal = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PairedWithId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarParticipations_ExemplarParticipations_PairedWithId",
                        column: x => x.PairedWithId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarParticipations_ExemplarProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "ExemplarProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarParticipations_ExemplarTrusts_TrustId",
                        column: x => x.TrustId,
                        principalTable: "ExemplarTrusts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarBenefits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarBenefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarBenefits_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarBlueprints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CapabilityArea = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CareSetting = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProjectType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarBlueprints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarBlueprints_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CapabilityArea = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    BaselineDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ForecastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActualDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarMilestones_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NarrativeMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    TimeRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    TimeComment = table.Column<string>(type: "TEXT", nullable: false),
                    BudgetRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    BudgetComment = table.Column<string>(type: "TEXT", nullable: false),
                    ScopeQualityRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ScopeQualityComment = table.Column<string>(type: "TEXT", nullable: false),
                    RiskRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RiskComment = table.Column<string>(type: "TEXT", nullable: false),
                    BenefitsRag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    BenefitsComment = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryConfidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NationalSpend = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    LocalSpend = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewerComment = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarReturns_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarClaims_ExemplarMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "ExemplarMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarClaims_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarEvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarEvidenceFiles_ExemplarMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "ExemplarMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarInstalments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarInstalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarInstalments_ExemplarMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "ExemplarMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarInstalments_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarLessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Context = table.Column<string>(type: "TEXT", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", nullable: false),
                    WhatToRepeat = table.Column<string>(type: "TEXT", nullable: false),
                    WhatToDoDifferently = table.Column<string>(type: "TEXT", nullable: false),
                    CapabilityArea = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarLessons_ExemplarMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "ExemplarMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarLessons_ExemplarParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "ExemplarParticipations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarBenefitMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReturnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    BenefitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", precision: 18, scale: 2, nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarBenefitMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarBenefitMeasurements_ExemplarBenefits_BenefitId",
                        column: x => x.BenefitId,
                        principalTable: "ExemplarBenefits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarBenefitMeasurements_ExemplarReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "ExemplarReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarMilestoneUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReturnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    ForecastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarMilestoneUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarMilestoneUpdates_ExemplarMilestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "ExemplarMilestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplarMilestoneUpdates_ExemplarReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "ExemplarReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarRisks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReturnId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Likelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mitigation = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarRisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplarRisks_ExemplarReturns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "ExemplarReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExemplarBlueprintLessons",
                columns: table => new
                {
                    BlueprintId = table.Column<int>(type: "INTEGER", nullable: false),
                    LessonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplarBlueprintLessons", x => new { x.BlueprintId, x.LessonId });
                    table.ForeignKey(
                        name: "FK_ExemplarBlueprintLessons_ExemplarBlueprints_BlueprintId",
                        column: x => x.BlueprintId,
                        principalTable: "ExemplarBlueprints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExemplarBlueprintLessons_ExemplarLessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "ExemplarLessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarAuditTrail_Entity_Field_ParticipationId",
                table: "ExemplarAuditTrail",
                columns: new[] { "Entity", "Field", "ParticipationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarAuditTrail_ParticipationId_Id",
                table: "ExemplarAuditTrail",
                columns: new[] { "ParticipationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarAuditTrail_ReturnId_Id",
                table: "ExemplarAuditTrail",
                columns: new[] { "ReturnId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBenefitMeasurements_BenefitId",
                table: "ExemplarBenefitMeasurements",
                column: "BenefitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBenefitMeasurements_ReturnId",
                table: "ExemplarBenefitMeasurements",
                column: "ReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBenefits_ParticipationId",
                table: "ExemplarBenefits",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBlueprintLessons_LessonId",
                table: "ExemplarBlueprintLessons",
                column: "LessonId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBlueprints_ParticipationId",
                table: "ExemplarBlueprints",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarBlueprints_Published_CapabilityArea",
                table: "ExemplarBlueprints",
                columns: new[] { "Published", "CapabilityArea" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarClaims_MilestoneId",
                table: "ExemplarClaims",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarClaims_ParticipationId",
                table: "ExemplarClaims",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarEvidenceFiles_MilestoneId",
                table: "ExemplarEvidenceFiles",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarInstalments_MilestoneId",
                table: "ExemplarInstalments",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarInstalments_ParticipationId",
                table: "ExemplarInstalments",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarLessons_MilestoneId",
                table: "ExemplarLessons",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarLessons_ParticipationId",
                table: "ExemplarLessons",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarMilestones_ParticipationId_BaselineDate",
                table: "ExemplarMilestones",
                columns: new[] { "ParticipationId", "BaselineDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarMilestoneUpdates_MilestoneId",
                table: "ExemplarMilestoneUpdates",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarMilestoneUpdates_ReturnId",
                table: "ExemplarMilestoneUpdates",
                column: "ReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarParticipations_PairedWithId",
                table: "ExemplarParticipations",
                column: "PairedWithId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarParticipations_ProgrammeId_TrustId",
                table: "ExemplarParticipations",
                columns: new[] { "ProgrammeId", "TrustId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarParticipations_TrustId",
                table: "ExemplarParticipations",
                column: "TrustId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarProgrammes_Slug",
                table: "ExemplarProgrammes",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarReturns_ParticipationId_PeriodStart",
                table: "ExemplarReturns",
                columns: new[] { "ParticipationId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarRisks_ReturnId",
                table: "ExemplarRisks",
                column: "ReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplarTrusts_OdsCode",
                table: "ExemplarTrusts",
                column: "OdsCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExemplarAuditTrail");

            migrationBuilder.DropTable(
                name: "ExemplarBenefitMeasurements");

            migrationBuilder.DropTable(
                name: "ExemplarBlueprintLessons");

            migrationBuilder.DropTable(
                name: "ExemplarClaims");

            migrationBuilder.DropTable(
                name: "ExemplarEvidenceFiles");

            migrationBuilder.DropTable(
                name: "ExemplarInstalments");

            migrationBuilder.DropTable(
                name: "ExemplarMilestoneUpdates");

            migrationBuilder.DropTable(
                name: "ExemplarRisks");

            migrationBuilder.DropTable(
                name: "ExemplarBenefits");

            migrationBuilder.DropTable(
                name: "ExemplarBlueprints");

            migrationBuilder.DropTable(
                name: "ExemplarLessons");

            migrationBuilder.DropTable(
                name: "ExemplarReturns");

            migrationBuilder.DropTable(
                name: "ExemplarMilestones");

            migrationBuilder.DropTable(
                name: "ExemplarParticipations");

            migrationBuilder.DropTable(
                name: "ExemplarProgrammes");

            migrationBuilder.DropTable(
                name: "ExemplarTrusts");
        }
    }
}
