import { AuthenticatedUser, NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { License } from '../licenses/license.entity';
import { PlanCatalog } from '../plans/plan-catalog';
import { CreateGymDto } from './dto/create-gym.dto';
import { Gym } from './gym.entity';
import { GymView } from './gym.view';

@Injectable()
export class GymsService {
  constructor(
    @InjectRepository(Gym) private readonly gyms: Repository<Gym>,
    @InjectRepository(License) private readonly licenses: Repository<License>,
    private readonly plans: PlanCatalog,
  ) {}

  async create(owner: AuthenticatedUser, dto: CreateGymDto): Promise<GymView> {
    const plan = this.plans.get(dto.planId);

    const gym = await this.gyms.save(
      this.gyms.create({
        name: dto.name,
        planId: plan.id,
        ownerId: owner.id,
        ownerEmail: owner.email,
        status: 'draft',
      }),
    );

    return GymView.of(gym);
  }

  async view(owner: AuthenticatedUser, gymId: string): Promise<GymView> {
    const gym = await this.findOwned(owner, gymId);
    const license = await this.licenses.findOneBy({ gymId: gym.id });

    return GymView.of(gym, license);
  }

  /** Someone else's gym is reported exactly like a missing one. */
  async findOwned(owner: AuthenticatedUser, gymId: string): Promise<Gym> {
    const gym = await this.gyms.findOneBy({ id: gymId, ownerId: owner.id });
    if (!gym) {
      throw new NotFoundError(`There is no gym ${gymId} among your gyms.`);
    }

    return gym;
  }
}
