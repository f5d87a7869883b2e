import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { BudgetMeasuresService, ProgrammesService } from '@app/calls';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { BudgetMeasureRequest, ProgrammeDetailResponse, ProgrammePageResponse, ProgrammeRequest, ProgrammeResponse } from './dto/calls.dto';

@ApiTags('programmes and calls')
@Controller('programmes')
export class ProgrammesController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly budgetMeasures: BudgetMeasuresService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a programme with its appropriation' })
  @Auth('officer')
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiProblems(400, 409)
  create(@CurrentUser() caller: AuthUser, @Body() body: ProgrammeRequest): Promise<ProgrammeResponse> {
    return this.programmes.createProgramme(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'List programmes', description: 'Newest year first, then by code.' })
  @Auth('officer', 'budget')
  @ApiOkResponse({ type: ProgrammePageResponse })
  @ApiProblems(400)
  async list(@Query() query: PageQuery): Promise<ProgrammePageResponse> {
    return pageOf(await this.programmes.listProgrammes(query.page, query.pageSize), query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A programme with its budget measures and what its announced calls allocate' })
  @Auth('officer', 'budget')
  @ApiOkResponse({ type: ProgrammeDetailResponse })
  @ApiProblems(400, 404)
  get(@Param('id', UuidPipe) id: string): Promise<ProgrammeDetailResponse> {
    return this.programmes.getProgramme(id);
  }

  /** A budget measure raises (or, negative, lowers) the appropriation; never below what is allocated. */
  @Post(':id/budget-measures')
  @ApiOperation({ summary: "Record a budget measure changing the programme's appropriation" })
  @Auth('budget')
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiProblems(400, 404, 422)
  addBudgetMeasure(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: BudgetMeasureRequest,
  ): Promise<ProgrammeResponse> {
    return this.budgetMeasures.addBudgetMeasure(caller, id, body);
  }
}
