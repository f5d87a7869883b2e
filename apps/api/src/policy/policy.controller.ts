import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import { PolicyService } from '@app/policy';
import { RateLimited } from '../common/rate-limits';
import { Anyone, ApiProblems } from '../common/route.decorators';

class SubAreaResponse {
  @ApiProperty({ example: 'A' })
  letter!: string;

  @ApiProperty()
  name!: string;
}

class PriorityResponse {
  @ApiProperty({ example: 1 })
  number!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [SubAreaResponse] })
  subAreas!: SubAreaResponse[];
}

class SubAimResponse {
  @ApiProperty({ example: 21 })
  number!: number;

  @ApiProperty()
  text!: string;
}

class MeasureResponse {
  @ApiProperty({ example: '21.III' })
  code!: string;

  @ApiProperty({ example: 3 })
  priority!: number;

  @ApiProperty({ example: 'A' })
  subArea!: string;

  @ApiProperty({ example: 21 })
  subAim!: number;

  @ApiProperty()
  text!: string;

  @ApiProperty()
  guarantor!: string;
}

class PolicyCatalogueResponse {
  @ApiProperty({ type: [PriorityResponse] })
  priorities!: PriorityResponse[];

  @ApiProperty({ type: [SubAimResponse] })
  subAims!: SubAimResponse[];

  @ApiProperty({ type: [MeasureResponse] })
  measures!: MeasureResponse[];
}

@ApiTags('policy')
@Controller('policy')
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  /** Prague City Policy for Integration of Foreigners 2022–2027: 5 priorities, 13 sub-areas, 34 sub-aims, 75 measures. */
  @Get('measures')
  @ApiOperation({ summary: "The city's integration policy: priorities, sub-areas, sub-aims, measures" })
  @Anyone()
  @RateLimited('public')
  @ApiOkResponse({ type: PolicyCatalogueResponse })
  @ApiProblems(429)
  measures(): Promise<PolicyCatalogueResponse> {
    return this.policy.getCatalogue();
  }
}
