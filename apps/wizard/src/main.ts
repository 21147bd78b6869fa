import { X } from '@app/common';
console.log(X);
