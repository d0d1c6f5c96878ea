import { serve } from '../src/main.js';
await serve();
